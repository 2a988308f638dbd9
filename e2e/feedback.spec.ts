import { ACCOUNTS, expect, pageFor, seriousAccessibilityViolations, signIn, test, vi } from './support.ts';

const answer = 'Bộ đã tiếp thu và sẽ sửa đổi thông tư trong quý tới.\n\nXin cảm ơn ông đã phản ánh.';

/**
 * One submission's whole life, from the citizen's form to the published answer: the steps share
 * it, so they are one test. The citizen and the handler each have a browser context of their own.
 */
test('a citizen sends feedback and follows it; a handler finds it, handles it and publishes the answer', async ({
  browser,
}) => {
  const citizen = await pageFor(browser);
  const handler = await pageFor(browser);
  // Unique per run, so that the handler's search finds this submission among the demo's.
  const marker = `E2E${Date.now().toString(36).toUpperCase()}`;
  const title = `Thủ tục cấp phép thử nghiệm ${marker} còn chồng chéo`;
  let trackingCode = '';

  await test.step('the citizen reaches the form from the sign-in page; a reload keeps the draft; the receipt gives a code', async () => {
    await citizen.goto('/sign-in');
    await citizen.getByRole('link', { name: vi('publicSite.send') }).click();
    await citizen.getByRole('heading', { level: 1, name: vi('feedbackForm.title') }).waitFor();
    expect(await seriousAccessibilityViolations(citizen)).toEqual([]);

    await citizen.getByLabel(vi('feedbackForm.type')).selectOption('recommendation');
    await citizen.getByLabel(vi('feedbackForm.field')).selectOption('institutions');
    // The directory is public: without an account the citizen names the ministry concerned, typed without diacritics.
    await citizen.getByRole('combobox', { name: vi('feedbackForm.organization') }).fill('bo khoa hoc va cong nghe');
    await citizen
      .getByRole('listbox')
      .getByRole('option', { name: /Bộ Khoa học và Công nghệ/ })
      .first()
      .click();
    await citizen.getByLabel(vi('feedbackForm.titleField')).fill(title);
    await citizen
      .getByLabel(vi('feedbackForm.content'))
      .fill('Doanh nghiệp phải xin ba giấy phép của ba bộ khác nhau cho cùng một thử nghiệm sandbox.');
    await citizen.getByLabel(vi('feedbackForm.name')).fill('Nguyễn Văn Dân');
    await citizen.getByLabel(vi('feedbackForm.email')).fill(`dan.${marker.toLowerCase()}@example.vn`);

    // Nothing typed is lost: after a reload the draft is back, field by field.
    await citizen.reload();
    await citizen.getByRole('heading', { level: 1, name: vi('feedbackForm.title') }).waitFor();
    await expect(citizen.getByLabel(vi('feedbackForm.titleField'))).toHaveValue(title);
    await expect(citizen.getByLabel(vi('feedbackForm.type'))).toHaveValue('recommendation');
    await expect(citizen.getByLabel(vi('feedbackForm.name'))).toHaveValue('Nguyễn Văn Dân');

    // A bad phone number is refused by the API and marked on its field; the rest stays.
    await citizen.getByLabel(vi('feedbackForm.phone')).fill('12345');
    await citizen.getByRole('button', { name: vi('feedbackForm.submit') }).click();
    await citizen.locator('input[type="tel"][aria-invalid="true"]').waitFor();
    await expect(citizen.getByLabel(vi('feedbackForm.titleField'))).toHaveValue(title);
    await citizen.getByLabel(vi('feedbackForm.phone')).fill('0912345678');

    await citizen.getByLabel(vi('feedbackForm.consent')).check();
    await citizen.getByRole('button', { name: vi('feedbackForm.submit') }).click();
    await citizen.getByRole('heading', { name: vi('feedbackForm.receivedTitle') }).waitFor();
    trackingCode = (await citizen.getByTestId('tracking-code').textContent())?.trim() ?? '';
    expect(trackingCode).toMatch(/^PA-[0-9A-HJKMNP-TV-Z]{10}$/);

    // The draft is gone once received: a new form starts empty.
    await citizen.reload();
    await citizen.getByRole('heading', { level: 1, name: vi('feedbackForm.title') }).waitFor();
    await expect(citizen.getByLabel(vi('feedbackForm.titleField'))).toHaveValue('');
  });

  await test.step('the citizen follows the submission with the tracking code', async () => {
    await citizen.goto('/track');
    // Typed as people do: lower case, without the hyphen.
    await citizen
      .getByRole('textbox', { name: vi('feedbackTrack.code') })
      .fill(trackingCode.toLowerCase().replace('-', ''));
    await citizen.getByRole('button', { name: vi('feedbackTrack.submit') }).click();
    await citizen.getByRole('heading', { level: 2, name: title }).waitFor();
    await citizen.getByText(vi('feedbackState.received'), { exact: true }).first().waitFor();
    await citizen.getByText(vi('feedbackTrack.noAnswerYet', { date: '' }).split('.')[0]!).waitFor();
    expect(await seriousAccessibilityViolations(citizen)).toEqual([]);
  });

  await test.step('the handler finds it in the queue, ignoring diacritics', async () => {
    await signIn(handler, ACCOUNTS.handler, undefined, '/feedback');
    await handler.getByRole('heading', { level: 1, name: vi('feedbackQueue.title') }).waitFor();
    await handler.getByRole('table', { name: vi('feedbackQueue.title') }).waitFor();
    expect(await seriousAccessibilityViolations(handler)).toEqual([]);

    await handler.getByLabel(vi('feedbackQueue.search')).fill(`thu tuc cap phep thu nghiem ${marker.toLowerCase()}`);
    await handler.waitForURL(/q=/);
    await handler.getByRole('link', { name: trackingCode }).click();
    await handler.getByRole('heading', { level: 1, name: title }).waitFor();
    // The contact is masked until the handler asks to see it; each viewing is recorded in the audit trail.
    await expect(handler.getByText('0912345678').or(handler.getByText('+84912345678'))).toHaveCount(0);
    await handler.getByRole('button', { name: vi('feedbackItem.showContact') }).click();
    await handler.getByText('0912345678').or(handler.getByText('+84912345678')).first().waitFor();
    expect(await seriousAccessibilityViolations(handler)).toEqual([]);
  });

  await test.step('the handler accepts, assigns, starts, answers and publishes', async () => {
    const actions = handler.getByRole('group', { name: vi('feedbackItem.actions') });
    const stateIs = (state: Parameters<typeof vi>[0]) =>
      handler.getByText(vi(state), { exact: true }).first().waitFor();

    await actions.getByRole('button', { name: vi('feedbackAction.accept') }).click();
    await stateIs('feedbackState.accepted');

    await actions.getByRole('button', { name: vi('feedbackAction.assign') }).click();
    const assignDialog = handler.getByRole('dialog');
    await assignDialog
      .getByRole('combobox', { name: vi('feedbackItem.organization') })
      .fill('bo khoa hoc va cong nghe');
    await handler.getByRole('listbox').getByRole('option').first().click();
    await assignDialog.getByRole('button', { name: vi('feedbackAction.assign') }).click();
    await stateIs('feedbackState.assigned');

    await actions.getByRole('button', { name: vi('feedbackAction.start') }).click();
    await stateIs('feedbackState.in_processing');

    await actions.getByRole('button', { name: vi('feedbackAction.answer') }).click();
    const answerDialog = handler.getByRole('dialog');
    await answerDialog.getByRole('textbox', { name: vi('feedbackItem.answerLabel') }).fill(answer);
    // The preview shows the paragraphs as the citizen will read them.
    await answerDialog.getByText(vi('feedbackItem.preview')).click();
    await answerDialog.getByText('Xin cảm ơn ông đã phản ánh.').waitFor();
    expect(await seriousAccessibilityViolations(handler)).toEqual([]);
    await answerDialog.getByRole('button', { name: vi('feedbackAction.answer') }).click();
    await stateIs('feedbackState.answered');

    await actions.getByRole('button', { name: vi('feedbackAction.publish') }).click();
    await actions.getByRole('button', { name: vi('feedbackAction.unpublish') }).waitFor();
  });

  await test.step('the citizen reads the answer on the tracking page and on the portal', async () => {
    await citizen.goto(`/track?code=${trackingCode}`);
    await citizen.getByRole('heading', { level: 2, name: title }).waitFor();
    await citizen.getByText('Bộ đã tiếp thu và sẽ sửa đổi thông tư trong quý tới.').waitFor();
    await citizen.getByText(vi('feedbackState.answered'), { exact: true }).first().waitFor();

    await citizen.getByRole('link', { name: vi('publicSite.answers') }).click();
    await citizen.getByLabel(vi('feedbackPortal.search')).fill(marker);
    await citizen.getByRole('heading', { level: 2, name: title }).waitFor();
    // Published without the sender's name or contact.
    await expect(citizen.getByText('Nguyễn Văn Dân')).toHaveCount(0);
    expect(await seriousAccessibilityViolations(citizen)).toEqual([]);
  });
});
