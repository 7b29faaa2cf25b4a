// Opens the browser's print dialog. A module file, because the Content-Security-Policy runs no inline script.
export function printPage() {
  window.print();
}
