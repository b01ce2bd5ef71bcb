// The step requests are shared with the backend's built-in quick-start collection.
export * from '../../../shared/quickstart/step-requests';
