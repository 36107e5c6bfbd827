// Runs before the page paints: the gallery's own light/dark choice (not the previews').
(function () {
  var mode = null;
  try { mode = localStorage.getItem("livery-gallery-ui"); } catch (error) { mode = null; }
  if (mode !== "dark" && mode !== "light") {
    mode = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.documentElement.setAttribute("data-ui", mode);
})();
