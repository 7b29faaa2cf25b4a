// Tells the server whether this browser's viewport is narrower than the navigation drawer's breakpoint (MudBlazor's
// md, 960 px): a phone's next page then starts with the drawer closed and renders the menu only when it is opened,
// instead of sending it, hidden, with every page (ADR 0013).
(() => {
  const narrow = window.matchMedia("(max-width: 959.98px)");
  const remember = () => {
    document.cookie = `dp.narrow=${narrow.matches ? 1 : 0}; path=/; max-age=31536000; samesite=lax`;
  };
  remember();
  narrow.addEventListener("change", remember);
})();
