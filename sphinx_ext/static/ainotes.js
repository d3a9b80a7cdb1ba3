// Remember the language a reader picks in the switcher; the site's root
// page (build/html/index.html) reads it to send them there next time.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a[data-ainotes-language]");
  if (!link) return;
  try {
    localStorage.setItem("ainotes-language", link.dataset.ainotesLanguage);
  } catch (error) {
    // Storage may be disabled (private mode); the link still works.
  }
});
