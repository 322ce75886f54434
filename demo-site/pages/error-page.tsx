import { Layout } from './layout';

export function ErrorPage({ message }: { message: string }) {
  return (
    <Layout title="Something is not right">
      <p class="form-error" role="alert">{message}</p>
      <p><a href="/">Back to the start</a></p>
    </Layout>
  );
}
