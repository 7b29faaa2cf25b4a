// Plays the duty page's alarm sound (a file of the app, never a CDN). A module file, because the Content-Security-Policy
// runs no inline script. A browser that blocks sound before the first click simply stays silent.
export function play(id) {
  const audio = document.getElementById(id);
  if (audio) {
    audio.currentTime = 0;
    audio.play().catch(() => {});
  }
}
