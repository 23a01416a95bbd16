/** Console entry: a placeholder shell until the console lands (issue 4). */
import { render } from 'preact';

function App() {
  return (
    <main>
      <h1>RCS console</h1>
      <p>The Worker is running. The API lives under /v1.</p>
    </main>
  );
}
render(<App />, document.getElementById('app')!);
