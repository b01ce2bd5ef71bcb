export function WelcomeView() {
  return (
    <section className="view" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Order details, step by step</h1>
      <p className="lead">
        Vipps Explorer takes you from API keys to a payment that carries a category, an image and a receipt. It starts on a
        built-in sandbox that behaves like the Vipps MobilePay test environment, so every step works before you have keys.
      </p>
      <ol className="welcome-steps">
        <li>Get an access token</li>
        <li>Create a payment</li>
        <li>Upload an image (optional)</li>
        <li>Set the order&apos;s category</li>
        <li>Attach the receipt</li>
        <li>Read the order back</li>
      </ol>
    </section>
  );
}
