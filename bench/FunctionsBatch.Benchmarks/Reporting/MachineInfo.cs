using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FunctionsBatch.Benchmarks.Reporting;

/// <summary>Where the numbers were measured.</summary>
public sealed record MachineInfo(
    string Os,
    string Kernel,
    string Cpu,
    int LogicalCores,
    double MemoryGiB,
    string DotNet,
    string Node,
    string Azurite,
    string GitCommit,
    bool GitDirty)
{
    public static MachineInfo Collect(string root)
    {
        return new MachineInfo(
            RuntimeInformation.OSDescription,
            Read("/proc/sys/kernel/osrelease").Trim(),
            CpuModel(),
            Environment.ProcessorCount,
            Math.Round(MemTotalKb() / 1024.0 / 1024.0, 1),
            RuntimeInformation.FrameworkDescription,
            Run("node", "--version", root).Trim(),
            AzuriteVersion(root),
            Run("git", "rev-parse --short HEAD", root).Trim(),
            Run("git", "status --porcelain --untracked-files=no", root).Trim().Length > 0);
    }

    private static string CpuModel()
    {
        foreach (var line in Read("/proc/cpuinfo").Split('\n'))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal))
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static long MemTotalKb()
    {
        foreach (var line in Read("/proc/meminfo").Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static string AzuriteVersion(string root)
    {
        var package = Path.Combine(root, "node_modules", "azurite", "package.json");
        if (!File.Exists(package))
        {
            return "not installed";
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(package));
        return document.RootElement.GetProperty("version").GetString() ?? "unknown";
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static string Run(string file, string arguments, string workingDirectory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory,
            })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
