// The controls around the chat for trying locally what otherwise needs Teams or Slack: the
// person's name, the group chat with a picker of who types, and klikbot's clock with "Næste dag".
import { danishTime, moveClock, readClock } from './live.js';

const byId = (id) => document.getElementById(id);

/** The clock line and its button; `say(kind, text)` puts a line in the log. */
export function setUpClock(say) {
  const line = byId('clock-now');
  const button = byId('next-day');
  const hint = byId('clock-hint');
  // the clock runs on at wall-clock speed from what klikbot last said
  let offsetMillis;
  const show = () => {
    if (offsetMillis !== undefined) line.textContent = `klikbots ur: ${danishTime(Date.now() + offsetMillis)}`;
  };
  const learn = (now) => {
    offsetMillis = Date.parse(now) - Date.now();
    show();
  };
  window.setInterval(show, 15_000);

  void readClock().then((clock) => {
    if (clock.failure) {
      line.textContent = clock.failure;
      return;
    }
    learn(clock.now);
    button.disabled = !clock.movable;
    if (!clock.movable) {
      hint.hidden = false;
      hint.textContent =
        'Uret følger den rigtige tid. Start klikbot med fx KLIKBOT_NOW=2018-10-30T10:00:00+01:00 for at kunne flytte det.';
    }
  });

  button.addEventListener('click', async () => {
    button.disabled = true;
    say('note', 'Næste dag: klikbots ur flyttes frem til i morgen kl. 9.00, når påmindelser sendes.');
    try {
      const moved = await moveClock(1);
      if (moved.failure) return say('error', moved.failure);
      learn(moved.now);
      say('note', `klikbots ur er nu ${danishTime(moved.now)}.`);
    } finally {
      button.disabled = false;
    }
  });
}

/** The name form: shown until this person has said their name, and again on "Skift navn". */
export function setUpName(people, onChange) {
  const form = byId('name-form');
  const input = byId('own-name');
  byId('change-name').addEventListener('click', () => {
    form.hidden = false;
    input.value = people.own.name;
    input.focus();
  });
  form.hidden = people.own.name !== '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!people.setOwnName(input.value)) return input.focus();
    form.hidden = true;
    onChange();
    byId('question').focus();
  });
}

/** The group switch, the picker of who types, and the form that adds a person to play. */
export function setUpGroup(people, onChange) {
  const toggle = byId('group-mode');
  const tools = byId('group-tools');
  const picker = byId('speaker');
  const addForm = byId('add-person');
  const newPerson = byId('new-person');

  const fillPicker = () => {
    picker.replaceChildren(
      ...people.all.map((person) => {
        const option = document.createElement('option');
        option.value = person.id;
        option.textContent = people.nameOf(person);
        option.selected = person.id === people.speaker.id;
        return option;
      }),
    );
  };

  const showMode = () => {
    tools.hidden = !people.group;
    addForm.hidden = !people.group;
    fillPicker();
  };

  toggle.checked = people.group;
  showMode();
  toggle.addEventListener('change', () => {
    people.group = toggle.checked;
    people.speakerId = people.own.id;
    showMode();
    onChange({ switched: true });
  });
  picker.addEventListener('change', () => {
    people.speakerId = picker.value;
    onChange({ switched: false });
    byId('question').focus();
  });
  addForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const person = people.add(newPerson.value);
    if (!person) return newPerson.focus();
    newPerson.value = '';
    fillPicker();
    onChange({ added: person });
  });
  return { refresh: fillPicker };
}
