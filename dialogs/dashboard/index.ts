import { DASHBOARD_DIALOGS } from '../names.js';
import type { ActionDialog } from '../types.js';
import { dashboardLink, dashboardRevoke } from './link.js';

/** The dashboard dialogs, by the names typed commands use (DASHBOARD_DIALOGS). */
export const dashboardDialogsByName: Record<string, ActionDialog> = {
  [DASHBOARD_DIALOGS.link]: dashboardLink,
  [DASHBOARD_DIALOGS.revoke]: dashboardRevoke,
};
