import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('community: spaces, stories, appeals, blocks, transparency, scheduled and group rooms', () => {
  it('a moderator makes and edits a group space; a story is reviewed; a removal is appealed; mentions, mutes and rooms', async () => {
    const lee = await (await e2e.newContext()).newPage();
    const alex = await (await e2e.newContext()).newPage();
    const jordan = await (await e2e.newContext()).newPage();
    await signInAs(lee, e2e.url, 'moderator@riverbend.example', DEMO_PASSWORD);
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);

    // Lee makes a group space for the people named, with a peer worker as its moderator.
    await lee.goto(`${e2e.url}/community`);
    await lee.getByRole('link', { name: 'New space' }).click();
    await lee.getByLabel(/^Name/).fill('Veterans in recovery');
    await lee.getByLabel('What the space is for').fill('For veterans and their families in recovery.');
    await lee.getByLabel('Rules of this space').fill('Be kind. No contact details.');
    await lee.getByText('Group', { exact: true }).click();
    const members = lee.getByTestId('space-members');
    await members.getByLabel('Community name').fill('riverstone');
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    await members.getByRole('button', { name: 'Take RiverStone out' }).waitFor();
    await members.getByLabel('Community name').fill('Nobody Here');
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    await members.getByText('Nobody has that community name.').waitFor();
    const moderators = lee.getByTestId('space-moderators');
    await moderators.getByLabel('Community name').fill('PeerJordan');
    await moderators.getByRole('button', { name: 'Add', exact: true }).click();
    await moderators.getByRole('button', { name: 'Take PeerJordan out' }).waitFor();
    await checkAndShoot(lee, 'community-space-new');
    await lee.getByRole('button', { name: 'Create space' }).click();
    await lee.getByRole('heading', { name: 'Veterans in recovery' }).waitFor();
    await lee.getByRole('link', { name: 'Edit this space' }).click();
    await lee.getByTestId('space-members').getByRole('button', { name: 'Take RiverStone out' }).waitFor();
    await lee.getByLabel('Rules of this space').fill('Be kind. No contact details. What is shared here stays here.');
    await lee.getByRole('button', { name: 'Save changes' }).click();
    await lee.getByText('Saved.').waitFor();
    await checkAndShoot(lee, 'community-space-edit');
    // Alex was added, so Alex sees it.
    await alex.goto(`${e2e.url}/community`);
    await alex.getByRole('link', { name: 'Veterans in recovery' }).waitFor();

    // Alex shares a story with a content note; Lee reviews and publishes it; it shows on the home.
    await alex.getByRole('link', { name: 'Share your story' }).click();
    await alex.getByLabel(/^Title/).fill('Two years, one day at a time');
    await alex.getByLabel('Your story').fill('Two years ago I did not think I would see this spring. The Monday group and my peer worker kept me going.');
    await alex.getByLabel('relapse', { exact: true }).check();
    await checkAndShoot(alex, 'community-story-new');
    await alex.getByRole('button', { name: 'Send for review' }).click();
    await alex.getByText("Your story is waiting for a moderator's review.").waitFor();
    await lee.goto(`${e2e.url}/community/moderation`);
    const story = lee.getByTestId('community-queue-item').filter({ hasText: 'Two years, one day at a time' });
    await story.waitFor();
    await story.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => lee.getByTestId('community-queue-item').filter({ hasText: 'Two years, one day at a time' }).count()).toBe(0);
    await alex.goto(`${e2e.url}/community`);
    const published = alex.getByTestId('community-stories').locator('article').filter({ hasText: 'Two years, one day at a time' });
    await published.waitFor();
    expect(await published.textContent()).toMatch(/Content notes: relapse/);

    // Alex mentions Jordan; the mention stands out.
    await alex.getByRole('link', { name: 'Everyone at Riverbend' }).click();
    await alex.getByLabel('What would you like to share?').fill('Thank you @PeerJordan for the walk after group.');
    await alex.getByRole('button', { name: 'Post' }).click();
    const mentioned = alex.getByTestId('community-post').filter({ hasText: 'for the walk after group' });
    await mentioned.getByTestId('community-mention').waitFor();
    expect(await mentioned.getByTestId('community-mention').textContent()).toBe('@PeerJordan');

    // Jordan reports a post of Alex's; Lee removes it with a reason; Alex appeals; Lee overturns.
    await alex.getByLabel('What would you like to share?').fill('Skipped the meeting again, whatever.');
    await alex.getByRole('button', { name: 'Post' }).click();
    await alex.getByTestId('community-post').filter({ hasText: 'Skipped the meeting again' }).waitFor();
    await jordan.goto(`${e2e.url}/community`);
    await jordan.getByRole('link', { name: 'Everyone at Riverbend' }).click();
    await jordan.getByTestId('community-post').filter({ hasText: 'Skipped the meeting again' }).getByRole('button', { name: 'Report', exact: true }).click();
    await lee.reload();
    const reported = lee.getByTestId('community-queue-item').filter({ hasText: 'Skipped the meeting again' });
    await reported.waitFor();
    await reported.getByLabel('Reason (shown to the person)').fill('Please share how you are doing rather than dismissing it.');
    await reported.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect.poll(() => lee.getByTestId('community-queue-item').filter({ hasText: 'Skipped the meeting again' }).count()).toBe(0);
    await alex.goto(`${e2e.url}/community`);
    await alex.getByRole('link', { name: 'Moderation about me' }).click();
    const removal = alex.getByTestId('community-my-action').filter({ hasText: 'Please share how you are doing' });
    await removal.waitFor();
    await removal.getByLabel('Why should a moderator look again?').fill('I was being honest about a hard week.');
    await removal.getByRole('button', { name: 'Appeal', exact: true }).click();
    await removal.getByText('Your appeal was sent.', { exact: false }).waitFor();
    await checkAndShoot(alex, 'community-my-moderation');
    await lee.reload();
    const appeal = lee.getByTestId('community-queue-item').filter({ hasText: 'I was being honest about a hard week.' });
    await appeal.waitFor();
    await appeal.getByRole('button', { name: 'Overturn' }).click();
    await expect.poll(() => lee.getByTestId('community-queue-item').filter({ hasText: 'I was being honest' }).count()).toBe(0);
    await alex.reload();
    await alex.getByText('Appeal reviewed: the decision was reversed').waitFor();

    // Alex mutes someone found by community name, then unmutes them from the list.
    await alex.goto(`${e2e.url}/community/me/blocks`);
    await alex.getByText('You have not blocked or muted anyone.').waitFor();
    await alex.getByRole('textbox', { name: 'Community name' }).fill('marcusatreentry');
    await alex.getByRole('button', { name: 'Find', exact: true }).click();
    await alex.getByRole('button', { name: 'Mute MarcusAtReentry' }).click();
    await alex.getByTestId('community-blocks').getByText('Muted', { exact: true }).waitFor();
    await checkAndShoot(alex, 'community-blocks');
    await alex.getByRole('button', { name: 'Unblock MarcusAtReentry' }).click();
    await alex.getByText('You have not blocked or muted anyone.').waitFor();

    // The monthly transparency page: counts only.
    await alex.goto(`${e2e.url}/community/transparency`);
    const figures = alex.getByTestId('community-transparency');
    await figures.waitFor();
    expect(await figures.textContent()).toMatch(/Reports received\s*[1-9]/);
    expect(await alex.getByTestId('community-transparency-actions').textContent()).toMatch(/Removed/);
    await checkAndShoot(alex, 'community-transparency');

    // Jordan schedules a room for later; it is listed on the community home with its time.
    await jordan.goto(`${e2e.url}/community`);
    await jordan.getByLabel('Room topic').fill('Sunday morning circle');
    await jordan.getByLabel('Room rules').fill('One voice at a time.');
    await jordan.getByLabel('How many people').fill('8');
    await jordan.getByText('Later', { exact: true }).click();
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await jordan.getByLabel('Starts at').fill(local);
    await jordan.getByRole('button', { name: 'Open a room' }).click();
    const listed = jordan.getByTestId('community-room-list').locator('li').filter({ hasText: 'Sunday morning circle' });
    await listed.waitFor();
    expect(await listed.textContent()).toMatch(/Starts/);
    await checkAndShoot(jordan, 'community-rooms-scheduled');

    // Alex joins the group's linked room from the group's page.
    await alex.goto(`${e2e.url}/groups`);
    await alex.getByRole('link', { name: 'Relapse prevention' }).first().click();
    const groupRoom = alex.getByTestId('group-rooms').getByRole('link', { name: /Join the live room: Relapse prevention/ });
    await groupRoom.waitFor();
    await checkAndShoot(alex, 'community-group-room-link');
    await groupRoom.click();
    await alex.getByTestId('room-rules').waitFor();
    await alex.getByRole('button', { name: 'Join the room' }).click();
    await alex.getByLabel('Say something').waitFor();
  });
});
