/**
 * A strict RFC 5545 reader for tests: refuses bare LF line ends and content lines over 75 octets, unfolds, splits
 * name/parameters/value (quoted parameter values included) and unescapes TEXT values.
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  type: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

export function parseIcs(text: string): IcsComponent {
  if (!text.endsWith('\r\n')) throw new Error('the last content line does not end with CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`bare line break in ${JSON.stringify(line)}`);
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line longer than 75 octets: ${line}`);
  }
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lines.length === 0) throw new Error('continuation line without a line before it');
      lines[lines.length - 1] += line.slice(1);
    } else {
      lines.push(line);
    }
  }
  const root: IcsComponent = { type: 'ROOT', properties: [], components: [] };
  const stack: IcsComponent[] = [root];
  for (const line of lines) {
    const property = parseLine(line);
    const top = stack[stack.length - 1]!;
    if (property.name === 'BEGIN') {
      const component: IcsComponent = { type: property.value, properties: [], components: [] };
      top.components.push(component);
      stack.push(component);
    } else if (property.name === 'END') {
      if (top.type !== property.value) throw new Error(`END:${property.value} closes ${top.type}`);
      stack.pop();
    } else {
      top.properties.push(property);
    }
  }
  if (stack.length !== 1 || root.components.length !== 1) throw new Error('unbalanced BEGIN/END');
  return root.components[0]!;
}

function parseLine(line: string): IcsProperty {
  let i = 0;
  let inQuotes = false;
  let nameEnd = -1;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === ';' && nameEnd < 0) nameEnd = i;
    else if (!inQuotes && c === ':') break;
  }
  if (i === line.length) throw new Error(`no value in line ${line}`);
  const head = line.slice(0, i);
  const value = line.slice(i + 1);
  const [name, ...rawParams] = splitOutsideQuotes(head, ';');
  const params: Record<string, string> = {};
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    params[raw.slice(0, eq).toUpperCase()] = raw.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  if (!name || !/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`bad property name in ${line}`);
  return { name: name.toUpperCase(), params, value };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const c of text) {
    if (c === '"') inQuotes = !inQuotes;
    if (c === separator && !inQuotes) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** TEXT value unescaping (RFC 5545 §3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

export function propValue(component: IcsComponent, name: string): string | undefined {
  return prop(component, name)?.value;
}
