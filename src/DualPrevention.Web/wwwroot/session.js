// GB/T 22239-2019 level 3: a session ends after 30 minutes without input. The cookie expires on the server
// side too, but a Blazor circuit keeps no HTTP traffic, so the page itself signs out when idle.
(() => {
  const idleLimitMs = 30 * 60 * 1000;
  let lastInput = Date.now();
  for (const type of ["keydown", "pointerdown", "touchstart", "wheel"]) {
    document.addEventListener(type, () => { lastInput = Date.now(); }, { passive: true, capture: true });
  }
  setInterval(() => {
    const form = document.getElementById("logout-form");
    if (form && Date.now() - lastInput > idleLimitMs) {
      form.submit();
    }
  }, 30 * 1000);
})();
