// Each test starts its own in-memory durable host; side by side on 2 cores they starve each other's timing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
