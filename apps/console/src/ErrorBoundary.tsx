import { Component, type ReactNode } from 'react';

/** A render error shows what happened and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="signin" role="alert">
        <h1>Something went wrong in the console</h1>
        <p>{this.state.error.message}</p>
        <a href="/console/">Back to the overview</a>
      </main>
    );
  }
}
