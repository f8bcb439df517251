namespace FunctionsBatch.Simulator.Batches;

/// <summary>What the simulator does wrong with one batch line.</summary>
internal enum BatchLineFault
{
    None,
    Fail,
    Expire,
}
