// Statically rendered pages (the dashboards, ADR 0020) keep no circuit on the server, so what a circuit would answer is
// answered here: a filter form submits when one of its selects changes, and the app bar's menu button opens and closes
// the navigation drawer. Listening on the document keeps both working after enhanced navigation replaces the page.
(() => {
  document.addEventListener("change", (event) => {
    const form = event.target.form;
    if (form?.hasAttribute("data-submit-on-change")) {
      form.requestSubmit();
    }
  });

  document.addEventListener("click", (event) => {
    if (!event.target.closest("[data-static-drawer-toggle]")) {
      return;
    }
    const drawer = document.querySelector(".mud-drawer");
    const open = !drawer.classList.contains("mud-drawer--open");
    drawer.classList.toggle("mud-drawer--open", open);
    drawer.classList.toggle("mud-drawer--closed", !open);
    // MudBlazor keeps a drawer that starts closed below its breakpoint hidden while it is marked initial.
    drawer.classList.remove("mud-drawer--initial");
    // The layout leaves the drawer's width beside the content only while it is open (from MudBlazor's md breakpoint on).
    drawer.closest(".mud-layout")?.classList.toggle("mud-drawer-open-responsive-md-left", open);
  });
})();
