using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ActivationGen.Accuracy;

/// <summary>
/// The result of sweeping one case: f and f' over the same inputs, the wall-clock time for both, and the processor
/// time the process used meanwhile (on a shared machine the wall-clock time alone says little).
/// </summary>
internal sealed record CaseResult(FunctionCase Case, string Inputs, Stats F, Stats Derivative, TimeSpan Elapsed, TimeSpan Cpu);

/// <summary>Runs the generated f and f' over an input set, chunk by chunk on every core, against the reference.</summary>
internal static class Sweep
{
    public static CaseResult Run(FunctionCase c, InputSet inputs, int threads, Action<double>? progress = null)
    {
        var f = new Stats();
        var d = new Stats();
        var done = 0;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(
            0,
            inputs.ChunkCount,
            new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => new Worker(inputs.ChunkSize),
            (chunk, _, worker) =>
            {
                worker.Run(c, inputs, chunk);
                var finished = Interlocked.Increment(ref done);
                progress?.Invoke((double)finished / inputs.ChunkCount);
                return worker;
            },
            worker =>
            {
                lock (f)
                {
                    f.Merge(worker.F);
                    d.Merge(worker.D);
                }
            });
        stopwatch.Stop();
        process.Refresh();
        return new CaseResult(c, inputs.Describe(), f, d, stopwatch.Elapsed, process.TotalProcessorTime - cpu);
    }

    /// <summary>One thread's buffers and partial results.</summary>
    private sealed class Worker(int chunkSize)
    {
        private readonly float[] _x = new float[chunkSize];
        private readonly float[] _f = new float[chunkSize];
        private readonly float[] _d = new float[chunkSize];

        public Stats F { get; } = new();

        public Stats D { get; } = new();

        public void Run(FunctionCase c, InputSet inputs, int chunk)
        {
            var n = inputs.Fill(chunk, _x);
            var x = _x.AsSpan(0, n);
            // The generated code under test, through the span shape, over the whole chunk at once.
            c.F(x, _f);
            c.Derivative(x, _d);

            var reference = c.Reference;
            for (var i = 0; i < n; i++)
            {
                reference.Evaluate(x[i], out var exactF, out var exactD);
                F.Add(x[i], _f[i], exactF);
                D.Add(x[i], _d[i], exactD);
            }
        }
    }
}
