// Files in and out without a server: reading a chosen file, and a download made in the page.

/**
 * A file's text. Exports from Chinese patent systems and spreadsheets are often GB18030
 * (GBK), not UTF-8: text that is not valid UTF-8 is read as GB18030 rather than shown garbled.
 */
export async function readFileText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function download(name, text, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
