namespace FunctionsBatch.Simulator.Faults;

/// <summary>One kind named in the <c>x-sim-fault</c> header, with its optional value (milliseconds or a status).</summary>
public readonly record struct ForcedFault(FaultKind Kind, int? Value);
