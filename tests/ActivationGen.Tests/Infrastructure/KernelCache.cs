using System.Collections.Concurrent;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Compiled kernel sets shared by the tests of one run (compiling one takes about a second).</summary>
public static class KernelCache
{
    private static readonly ConcurrentDictionary<(string Attribute, System.Type Type), object> Sets = new();

    public static IKernelSet<T> Get<T>(string attribute)
        where T : unmanaged =>
        (IKernelSet<T>)Sets.GetOrAdd((attribute, typeof(T)), key => KernelSets.Create<T>(key.Attribute));
}
