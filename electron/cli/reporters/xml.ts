/**
 * The few XML rules a JUnit file needs: escaped attributes and text, CDATA that cannot be closed
 * early, and no characters XML 1.0 forbids (a response body or console line may hold any byte).
 */
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttribute(value: string | number): string {
  return xmlText(String(value)).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function cdata(value: string): string {
  return `<![CDATA[${value.replace(forbidden, '\uFFFD').split(']]>').join(']]]]><![CDATA[>')}]]>`;
}

export function element(name: string, attributes: Record<string, string | number | undefined>, children: string[] = [], indent = ''): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
    .join('');
  if (children.length === 0) return `${indent}<${name}${attrs}/>`;
  return `${indent}<${name}${attrs}>\n${children.join('\n')}\n${indent}</${name}>`;
}
