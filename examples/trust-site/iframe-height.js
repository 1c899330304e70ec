// Parent-side snippet for iframe mode (EMBEDDING.md): sizes every
// <iframe data-nhs-booking src="https://book.trust.example/..."> to the height the booking app
// reports, so the frame never shows a scrollbar of its own. Messages are accepted only from
// the frame's own window and origin, and only with a sane height.
(() => {
  const frames = () => document.querySelectorAll('iframe[data-nhs-booking]');
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'nhs-booking:height') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > 100000) return;
    for (const frame of frames()) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) continue;
      // CSSOM, not a style attribute, so a strict style-src allows it.
      frame.style.height = `${Math.ceil(height)}px`;
    }
  });
})();
