// 法审: progressive enhancement only. Every form works without this script; with it, checklist items
// save as the reviewer works, the outcome form asks for a reason where one is required, and the
// opinion document prints from a button.
(() => {
  'use strict';

  // One version for the whole page: every save moves it on, and every form sends the latest.
  const setVersion = (version) => {
    document.querySelectorAll('input[name="Version"]').forEach((input) => { input.value = String(version); });
  };

  const saveItem = async (form) => {
    const saved = form.querySelector('[data-saved]');
    const noteError = form.querySelector('[data-error-for="note"]');
    const item = form.closest('.check-item');
    const status = form.querySelector('input[name="ItemStatus"]:checked');
    if (!status) {
      return;
    }

    saved.textContent = '正在保存…';
    noteError.textContent = '';
    let answer;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!(response.headers.get('Content-Type') || '').includes('application/json')) {
        saved.textContent = '';
        noteError.textContent = '保存失败：登录已过期。请刷新页面并重新登录。';
        return;
      }

      answer = await response.json();
    } catch {
      saved.textContent = '';
      noteError.textContent = '保存失败：无法连接服务。请检查网络后再点“保存”。';
      return;
    }

    if (answer.version) {
      setVersion(answer.version);
    }

    if (!answer.ok) {
      saved.textContent = '';
      noteError.textContent = answer.message;
      return;
    }

    saved.textContent = answer.saved;
    item.classList.remove('status-pending', 'status-pass', 'status-problem');
    item.classList.add(`status-${status.value}`);
    updateApprove(answer.canApprove, answer.approveBlockers);
  };

  const updateApprove = (canApprove, blockers) => {
    const approve = document.querySelector('[data-approve]');
    const list = document.querySelector('[data-approve-blockers]');
    if (!approve || !list) {
      return;
    }

    approve.disabled = !canApprove;
    list.replaceChildren(...blockers.map((text) => {
      const li = document.createElement('li');
      li.textContent = `同意前还需：${text}`;
      return li;
    }));
  };

  document.querySelectorAll('form[data-autosave]').forEach((form) => {
    form.addEventListener('change', () => saveItem(form));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      saveItem(form);
    });
  });

  // A reason is required for every outcome but 同意.
  const outcome = document.querySelector('form[data-outcome]');
  if (outcome) {
    const reason = outcome.querySelector('textarea[name="OutcomeReason"]');
    const sync = () => {
      const chosen = outcome.querySelector('input[name="Outcome"]:checked');
      reason.required = !!chosen && chosen.value !== 'approve';
    };
    outcome.addEventListener('change', sync);
    sync();
  }

  document.querySelectorAll('[data-print]').forEach((button) => button.addEventListener('click', () => window.print()));

  // The case file: a document is fetched only when the reviewer opens it (each opening is recorded).
  document.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open) {
      return;
    }

    details.querySelectorAll('[data-src]:not([src])').forEach((viewer) => { viewer.setAttribute('src', viewer.dataset.src); });
  }, true);

  // A secret or an anchor to copy: the button copies the field beside it; without script the field is still selectable.
  document.querySelectorAll('[data-copy-target]').forEach((button) => button.addEventListener('click', async () => {
    const field = document.getElementById(button.dataset.copyTarget);
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      button.textContent = '已复制';
    } catch {
      button.textContent = '请按 Ctrl+C 复制';
    }
  }));
  document.querySelectorAll('input[data-copy]').forEach((field) => field.addEventListener('focus', () => field.select()));
})();
