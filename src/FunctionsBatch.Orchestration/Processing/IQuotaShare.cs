namespace FunctionsBatch.Orchestration.Processing;

/// <summary>How much of a deployment's quota this process may use, when several processes call it at once.</summary>
public interface IQuotaShare
{
    /// <summary>This process's share of <paramref name="deployment"/>'s quota, in (0, 1]; also tells the others that this process is calling it.</summary>
    double ShareOf(string deployment);
}
