// The fixed account contents the simulator reports: templates and domains, in the API's PascalCase shape.
import { DEMO_PUSH_DOMAIN } from './demo-account.js';

/** A DescribeLiveRecordTemplates entry (the fields Taper reads). */
export interface SimulatedTemplate {
  TemplateId: number;
  TemplateName: string;
  Description: string;
}

/** A DescribeLiveDomains entry (the fields Taper reads). */
export interface SimulatedDomain {
  Name: string;
  /** 0 push, 1 playback. */
  Type: number;
  /** 0 disabled, 1 enabled. */
  Status: number;
}

export const DEFAULT_TEMPLATES: readonly SimulatedTemplate[] = [
  { TemplateId: 1001, TemplateName: 'mp4-archive', Description: 'MP4, kept 30 days' },
  { TemplateId: 1002, TemplateName: 'hls-full', Description: 'HLS, kept permanently' },
];

export const DEFAULT_DOMAINS: readonly SimulatedDomain[] = [
  { Name: DEMO_PUSH_DOMAIN, Type: 0, Status: 1 },
  { Name: 'sandbox.liveplay.example.com', Type: 1, Status: 1 },
];
