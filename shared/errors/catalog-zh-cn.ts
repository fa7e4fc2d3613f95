// 简体中文目录文本。保持简短:它们出现在通知、表单和终端里。
import type { CatalogCode } from './catalog-codes.js';
import type { CatalogText } from './catalog-text.js';

/** Shown for a code the catalog does not know at all. */
export const ZH_CN_GENERIC: CatalogText = {
  title: '请求失败,Taper 无法识别该错误。',
  nextStep: '请稍后重试;如果一直失败,请携带 RequestId 联系腾讯云客服。',
};

export const ZH_CN_TEXTS: Record<CatalogCode, CatalogText> = {
  // 接口文档列出的错误码(CreateRecordTask)
  InternalError: {
    title: '腾讯云内部错误。',
    nextStep: '请一分钟后重试;如果持续出现,请携带 RequestId 提交工单。',
  },
  'InternalError.GetConfigError': {
    title: '腾讯云读取本次请求的配置失败。',
    nextStep: '请在云直播控制台检查推流域名和录制模板,然后重试。',
  },
  'InternalError.NetworkError': {
    title: '腾讯云内部网络错误。',
    nextStep: '请一分钟后重试;重试前先在历史记录中(或通过同步)确认任务是否已创建。',
  },
  InvalidParameter: {
    title: '腾讯云拒绝了请求中的某个参数。',
    nextStep: '请根据提示检查域名、AppName、流名称和时间,修改后重新提交。',
  },
  'LimitExceeded.MaximumRunningTask': {
    title: '同时运行的录制任务数量超过上限。',
    nextStep: '请在历史记录中停止或删除不再需要的任务,或等待正在运行的任务结束。',
  },
  'ResourceUnavailable.InvalidVodStatus': {
    title: '云点播(VOD)服务未开通:录制文件存储在云点播中。',
    nextStep: '请先在腾讯云控制台开通云点播服务,再重新创建任务。',
  },
  UnsupportedOperation: {
    title: '该账号或资源不支持此操作。',
    nextStep: '请确认域名是本账号的推流域名,且该域名没有在使用旧版录制接口。',
  },

  // 公共错误码(腾讯云 API 3.0)
  ActionOffline: {
    title: '该接口已被腾讯云下线。',
    nextStep: '请将 Taper 更新到使用新接口的版本。',
  },
  AuthFailure: {
    title: '腾讯云无法验证请求的身份。',
    nextStep: '请检查该配置的 SecretId 和 SecretKey(设置 → 配置 → 测试)。',
  },
  'AuthFailure.InvalidAuthorization': {
    title: '请求头中的 Authorization 格式不正确。',
    nextStep: '请确认接入点是腾讯云 API 地址,且没有代理改写请求。',
  },
  'AuthFailure.InvalidSecretId': {
    title: 'SecretId 不是腾讯云 API 密钥。',
    nextStep: '请从控制台的 API 密钥页面复制 SecretId(以 AKID 开头)并更新配置。',
  },
  'AuthFailure.MFAFailure': {
    title: '多因素认证(MFA)失败。',
    nextStep: '该账号调用 API 需要 MFA:请使用无此要求的子账号密钥,或调整 MFA 设置。',
  },
  'AuthFailure.SecretIdNotFound': {
    title: 'SecretId 不存在或已被禁用。',
    nextStep: '请在控制台确认密钥存在且已启用;重新输入时注意前后不要有空格。',
  },
  'AuthFailure.SignatureExpire': {
    title: '签名已过期:本机时钟与腾讯云服务器相差超过 5 分钟。',
    nextStep: '请开启系统时间自动同步(NTP)后重试。',
  },
  'AuthFailure.SignatureFailure': {
    title: '签名错误:SecretKey 与 SecretId 不匹配。',
    nextStep: '请按创建密钥时显示的内容重新输入该配置的 SecretKey。',
  },
  'AuthFailure.TokenFailure': {
    title: '临时会话令牌(Token)无效或已过期。',
    nextStep: '请获取新的临时密钥并更新配置(或 TENCENTCLOUD_SESSION_TOKEN)。',
  },
  'AuthFailure.UnauthorizedOperation': {
    title: '该密钥无权执行此操作。',
    nextStep: '请让主账号在访问管理(CAM)中为子账号授予云直播策略(如 QcloudLiveFullAccess)。',
  },
  DryRunOperation: {
    title: '这是一次预检请求,正式请求本可以成功;未创建任何任务。',
    nextStep: '去掉预检参数重新提交即可创建任务。',
  },
  FailedOperation: {
    title: '腾讯云未能完成该操作。',
    nextStep: '请根据平台返回的信息找到原因,修正后重试。',
  },
  InvalidAction: {
    title: '腾讯云不认识该接口。',
    nextStep: '请确认接入点为 live.tencentcloudapi.com(或国际站地址),并更新 Taper。',
  },
  InvalidParameterValue: {
    title: '某个参数的取值不被腾讯云接受。',
    nextStep: '请检查提示中提到的取值(域名、AppName、流名称、时间、模板),修改后重新提交。',
  },
  InvalidRequest: {
    title: '请求格式不正确(请求体或请求头)。',
    nextStep: '请检查接入点以及 Taper 与腾讯云之间的代理;如果持续出现,请更新 Taper。',
  },
  IpInBlacklist: {
    title: '本机 IP 地址在账号的黑名单中。',
    nextStep: '请换一个网络调用,或让主账号将该地址移出黑名单。',
  },
  IpNotInWhitelist: {
    title: '本机 IP 地址不在账号的白名单中。',
    nextStep: '请让主账号在访问管理(CAM)中把该地址加入密钥的 IP 白名单。',
  },
  LimitExceeded: {
    title: '账号的某项配额已用完。',
    nextStep: '请删除不再需要的任务,或联系腾讯云提高配额。',
  },
  MissingParameter: {
    title: '请求缺少必填参数。',
    nextStep: '请填写域名、AppName、流名称和结束时间后重新提交。',
  },
  NoSuchProduct: {
    title: '该接入点不提供云直播服务。',
    nextStep: '请使用 live.tencentcloudapi.com(或 live.intl.tencentcloudapi.com)作为接入点。',
  },
  NoSuchVersion: {
    title: '该接入点不支持 API 版本 2018-08-01。',
    nextStep: '请检查接入点:必须是云直播的 API 地址。',
  },
  RequestLimitExceeded: {
    title: '每秒请求次数超过限制。',
    nextStep: '请稍等一秒后重试;该请求未被执行。',
  },
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': {
    title: '该账号在所有地域的请求总数超过限制。',
    nextStep: '请稍等几秒后重试;并检查是否有其他工具使用同一账号频繁调用 API。',
  },
  'RequestLimitExceeded.IPLimitExceeded': {
    title: '来自本机 IP 的请求过多。',
    nextStep: '请稍等几秒后重试;该请求未被执行。',
  },
  'RequestLimitExceeded.UinLimitExceeded': {
    title: '该账号的请求过多。',
    nextStep: '请稍等几秒后重试;该请求未被执行。',
  },
  RequestSizeLimitExceeded: {
    title: '请求内容过大。',
    nextStep: '请缩短 Extension 或名称后重新提交。',
  },
  ResourceInUse: {
    title: '资源正在被使用。',
    nextStep: '请等待当前操作结束后重试。',
  },
  ResourceInsufficient: {
    title: '腾讯云当前资源不足。',
    nextStep: '请稍后重试。',
  },
  ResourceNotFound: {
    title: '资源不存在。',
    nextStep: '请检查域名、流或 TaskId;它可能已被删除或属于其他账号。',
  },
  ResourceUnavailable: {
    title: '资源不可用。',
    nextStep: '请在云直播控制台检查服务和域名状态。',
  },
  ResponseSizeLimitExceeded: {
    title: '返回内容过大。',
    nextStep: '请缩小查询的时间范围(例如每次查询一天)。',
  },
  ServiceUnavailable: {
    title: '腾讯云服务暂时不可用。',
    nextStep: '请几分钟后重试。',
  },
  UnauthorizedOperation: {
    title: '该账号无权执行此操作。',
    nextStep: '请让主账号在访问管理(CAM)中授予云直播策略,或确认该域名属于本账号。',
  },
  UnknownParameter: {
    title: '腾讯云不认识请求中的某个参数。',
    nextStep: '请更新 Taper;这通常是与 API 版本不匹配导致的。',
  },
  UnsupportedProtocol: {
    title: '该接入点不支持此协议。',
    nextStep: '请使用 https:// 接入点。',
  },
  UnsupportedRegion: {
    title: '云直播 API 不支持该地域。',
    nextStep: '请为配置选择受支持的地域,例如 ap-guangzhou(中国大陆)或 ap-singapore。',
  },

  // 云直播错误码
  'ResourceNotFound.ForbidService': {
    title: '该账号的云直播服务已被封禁。',
    nextStep: '请联系腾讯云客服了解原因并恢复服务。',
  },
  'ResourceNotFound.FreezeService': {
    title: '云直播服务已被冻结,通常是因为账号欠费。',
    nextStep: '请在费用中心结清欠款,服务随后会恢复。',
  },
  'ResourceNotFound.StopService': {
    title: '该账号的云直播服务已停服。',
    nextStep: '请在控制台重新开通云直播服务(先检查账户余额)。',
  },
  'ResourceNotFound.UserDisableService': {
    title: '云直播服务已被账号所有者停用。',
    nextStep: '请在控制台启用云直播服务后重试。',
  },
  'ResourceNotFound.TaskId': {
    title: '不存在该 TaskId 对应的录制任务。',
    nextStep: '请检查 TaskId;任务可能已被删除,或已超过平台保留的 3 个月。',
  },
  'ResourceNotFound.DomainNotExist': {
    title: '本账号下不存在该推流域名。',
    nextStep: '请在云直播控制台的域名管理中核对域名(仅限推流域名)。',
  },
  'InvalidParameter.DomainFormatError': {
    title: '推流域名格式不正确。',
    nextStep: '请只填写主机名,例如 5000.livepush.myqcloud.com,不要带 rtmp:// 或路径。',
  },

  // Taper 本地错误码
  'Taper.InvalidInput': {
    title: '请求不符合平台规则,未发送任何内容。',
    nextStep: '请修改标出的字段后重新提交。',
  },
  'Taper.Network': {
    title: '无法连接腾讯云;请求未被执行。',
    nextStep: '请检查网络连接、代理和防火墙后重试。',
  },
  'Taper.Timeout': {
    title: '腾讯云没有及时响应。',
    nextStep: '请检查网络后重试;该调用不会修改任何内容,可以放心重试。',
  },
  'Taper.UnknownOutcome': {
    title: '创建请求的响应丢失:任务可能已创建,也可能没有。',
    nextStep: '请不要手动再次创建。运行同步(taper sync 或 历史记录 → 同步):它会找到该任务,或将这次尝试标记为失败。',
  },
  'Taper.InvalidResponse': {
    title: '接入点返回的内容不是腾讯云 API 响应。',
    nextStep: '请检查接入点设置,以及网络中的代理或认证网关。',
  },
  'Taper.HttpError': {
    title: '接入点返回了 HTTP 错误,但没有 API 错误码(例如网关错误)。',
    nextStep: '请一分钟后重试;如果持续出现,请检查接入点和代理。',
  },
  'Taper.Keychain.Unavailable': {
    title: '没有可用的系统钥匙串来保存密钥。',
    nextStep: '在 Linux 上请安装并启动 Secret Service(如 gnome-keyring);在 macOS 或 Windows 上请检查当前用户的钥匙串。',
  },
  'Taper.Keychain.Locked': {
    title: '系统钥匙串已锁定。',
    nextStep: '请解锁钥匙串(登录桌面会话或在钥匙串管理器中解锁)后重试。',
  },
  'Taper.Credentials.Missing': {
    title: '尚未设置腾讯云密钥。',
    nextStep: '请添加配置(设置 → 配置,或 taper profile add),或设置 TENCENTCLOUD_SECRET_ID 和 TENCENTCLOUD_SECRET_KEY。',
  },
  'Taper.Profile.NotFound': {
    title: '不存在该名称的配置。',
    nextStep: '请列出配置(taper profile list)后选择一个,或新增该配置。',
  },
  'Taper.Credentials.SecretMissing': {
    title: '钥匙串中没有该配置的 SecretKey。',
    nextStep: '请重新添加该配置并输入 SecretKey(它可能已被删除,或在另一台电脑上)。',
  },
  'Taper.History.Corrupt': {
    title: '历史记录文件已损坏;它已被移到一旁保存,而不是被覆盖。',
    nextStep: '请运行同步,从平台重建近期任务;损坏的文件保留在新文件旁边,以便恢复。',
  },
  'Taper.DataFile.Damaged': {
    title: 'Taper 的一个数据文件已损坏;它已被移到一旁保存(未删除),并启用新文件。',
    nextStep: '消息中写明了文件及其副本的位置:请重新创建其中的内容(计划、配置),或从该副本恢复。',
  },
  'Taper.History.Unavailable': {
    title: '无法读取或写入历史记录文件。',
    nextStep: '请检查数据目录的磁盘空间和权限,并确认没有其他程序占用其锁。',
  },
  'Taper.Plans.Unavailable': {
    title: '无法读取或写入计划文件(计划的录制、系列、提醒)。',
    nextStep: '请检查数据目录的磁盘空间和权限,并确认没有其他 Taper 占用其锁;较新版本 Taper 写入的文件需要该版本。',
  },
  'Taper.Settings.Unavailable': {
    title: '无法读取或写入设置文件或数据目录。',
    nextStep: '请检查数据目录(TAPER_HOME 或应用的用户数据目录)的磁盘空间和权限。',
  },
  'Taper.Ipc.Forbidden': {
    title: '此窗口无权调用 Taper。',
    nextStep: '请使用 Taper 自己的窗口;如果反复出现,请重启 Taper 并报告此问题。',
  },
  'Taper.Ipc.Internal': {
    title: 'Taper 遇到了意外错误。',
    nextStep: '请重试;如果再次出现,请重启 Taper 并发送日志(日志中不含密钥)。',
  },
  'Taper.LoginItem.Unavailable': {
    title: 'Taper 无法更改是否在登录时启动。',
    nextStep:
      '在 Linux 上,请检查 ~/.config/autostart 是否可写;在 macOS 上,请在“系统设置 → 通用 → 登录项”中允许 Taper。',
  },
  'Taper.File.UrlRefused': {
    title: '此链接不是腾讯云点播(VOD)上的录制文件,Taper 未打开它。',
    nextStep: 'Taper 只打开 *.myqcloud.com 或 *.qcloud.com 上的 https 链接。如信任该链接,请复制 URL。',
  },
  'Taper.File.OpenFailed': {
    title: '无法在浏览器中打开录制文件。',
    nextStep: '请复制其 URL,在浏览器中打开。',
  },
  'Taper.Sandbox.NotRunning': {
    title: '此操作仅在沙盒中可用,而沙盒未运行。',
    nextStep: '请先启动沙盒(设置 → 试用沙盒);模拟推流不会到达真实账号。',
  },
  'Taper.Schedule.Missed': {
    title: '计划的录制已错过:在 Taper 创建任务之前,其时间窗口已结束。',
    nextStep: '请保持托盘应用运行,或每天至少通过 cron 运行一次 `taper sync`;查看告警了解原因(网络、密钥)。',
  },
  'Taper.Schedule.NotFound': {
    title: '没有该 id 的录制或系列。',
    nextStep: '请用 `taper series list` 或 `taper history` 列出并使用其中的 id。',
  },
  'Taper.Task.NotFound': {
    title: '历史记录中没有该 id 的任务。',
    nextStep: '请在历史记录列表(taper history)中核对 id,或运行同步导入在其他地方创建的任务。',
  },
};
