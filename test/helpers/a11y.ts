/** What assistive technology is given, as the browser computes it (the a11y snapshot of the whole page). */
import { a11ySnapshot } from '@web/test-runner-commands';

interface AXNode {
  role: string;
  name: string;
  children?: AXNode[];
}

/** The accessible names of every button on the page. */
export async function buttonNames(): Promise<string[]> {
  const names: string[] = [];
  const walk = (n: AXNode) => {
    if (n.role === 'button') names.push(n.name);
    n.children?.forEach(walk);
  };
  walk((await a11ySnapshot({})) as unknown as AXNode);
  return names;
}
