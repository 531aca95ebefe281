/**
 * Who looks at the dashboard, as far as what they may see goes: everything (local mode on
 * this machine, an administrator's link) or one municipality plus the national figures (a
 * verified member's link). How they were let in is kept for the page's footer.
 */
export type Viewer =
  | { sees: 'national'; via: 'local' | 'link' | 'teams' }
  | { sees: 'municipality'; municipalityId: string; via: 'link' | 'teams' };

/** Whether the viewer may see this municipality's rows, history and members. */
export function seesMunicipality(viewer: Viewer, municipalityId: string): boolean {
  return viewer.sees === 'national' || viewer.municipalityId === municipalityId;
}
