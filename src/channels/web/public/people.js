// Who types in the local web chat, and where: this browser's own person (asked for a name
// once, kept in localStorage), the others one person can play in a group chat (to try polls
// and evaluations on one machine), and the conversations they write in.

const USER_KEY = 'klikbot.webchat.userId';
const NAME_KEY = 'klikbot.webchat.name';
const OTHERS_KEY = 'klikbot.webchat.people';
const PAGE_KEY = 'klikbot.webchat.page';

/** The longest name the page takes: a name, not a paragraph. */
export const NAME_MAX = 60;

/** A random id; randomUUID exists only on secure origins, so plain http on a LAN address falls back. */
export function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A value kept in the browser, or `make()`'s, kept from now on; without storage it lasts until the page is reloaded. */
function kept(storage, key, make) {
  try {
    const known = window[storage].getItem(key);
    if (known) return known;
    const fresh = make();
    window[storage].setItem(key, fresh);
    return fresh;
  } catch (error) {
    console.warn(`${storage} is not available; ${key} lasts only until the page is reloaded.`, error);
    return make();
  }
}

function read(key) {
  try {
    return window.localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined; // no storage: nothing was kept
  }
}

function write(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch (error) {
    console.warn(`localStorage is not available; ${key} lasts only until the page is reloaded.`, error);
  }
}

function readOthers() {
  try {
    const list = JSON.parse(read(OTHERS_KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((p) => p && typeof p.id === 'string' && typeof p.name === 'string' && p.name.trim() !== '')
      : [];
  } catch {
    return []; // a list from an older page that cannot be read: start again
  }
}

/** A name as the page keeps it: trimmed, one line, at most NAME_MAX characters; '' when there is none. */
export function cleanName(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, NAME_MAX);
}

/**
 * The people of this browser and the conversations of this page. The page's id lives as long
 * as the tab (a reload keeps it), and names its conversations, so that what klikbot writes to
 * them later finds this page again.
 */
export class People {
  constructor() {
    // the bot remembers this person's municipality between visits by this id
    this.own = { id: kept('localStorage', USER_KEY, () => `web-${uuid()}`), name: cleanName(read(NAME_KEY)) };
    this.others = readOthers();
    this.speakerId = this.own.id;
    this.group = false;
    this.pageId = kept('sessionStorage', PAGE_KEY, uuid);
  }

  get all() {
    return [this.own, ...this.others];
  }

  /** Who is typing now: in a personal chat always the own person. */
  get speaker() {
    if (!this.group) return this.own;
    return this.all.find((person) => person.id === this.speakerId) ?? this.own;
  }

  /** The name shown and sent for a person; the own person has one once they gave it. */
  nameOf(person) {
    return person.name || 'Lokal bruger';
  }

  setOwnName(text) {
    const name = cleanName(text);
    if (!name) return false;
    this.own.name = name;
    write(NAME_KEY, name);
    return true;
  }

  /** Adds a person to play in the group chat; undefined when the name is empty. */
  add(text) {
    const name = cleanName(text);
    if (!name) return undefined;
    const person = { id: `web-${uuid()}`, name };
    this.others.push(person);
    write(OTHERS_KEY, JSON.stringify(this.others));
    return person;
  }

  /** The conversation typing goes to now: the group chat, or the own person's chat with klikbot. */
  get current() {
    return this.group ? this.groupChat() : this.personalChat(this.own);
  }

  groupChat() {
    return { id: `webchat-${this.pageId}-gruppe`, isGroup: true, conversationType: 'groupChat' };
  }

  personalChat(person) {
    const id = person.id === this.own.id ? `webchat-${this.pageId}` : `webchat-${this.pageId}-${person.id}`;
    return { id, owner: person };
  }

  /** Who writes in a conversation: its owner in a personal chat, whoever types now in the group. */
  writerIn(conversation) {
    return conversation.owner ?? this.speaker;
  }

  /** Where a conversation is, said in a line above a message klikbot wrote there by itself. */
  placeOf(conversationId) {
    if (conversationId === this.groupChat().id) return 'i gruppechatten';
    const owner = this.all.find((person) => this.personalChat(person).id === conversationId);
    if (!owner || owner.id === this.own.id) return 'i din chat med klikbot';
    return `i ${this.nameOf(owner)}s chat med klikbot`;
  }

  /** The conversation with this id, as activities name it; undefined when it is none of this page's. */
  conversationFor(conversationId) {
    if (conversationId === this.groupChat().id) return this.groupChat();
    const owner = this.all.find((person) => this.personalChat(person).id === conversationId);
    return owner ? this.personalChat(owner) : undefined;
  }
}
