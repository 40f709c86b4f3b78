using System.Collections.Concurrent;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>Compiled kernel sets shared by the tests of one run (compiling one takes about a second).</summary>
public static class KernelCache
{
    private static readonly ConcurrentDictionary<(string Attribute, string Members, System.Type Type), object> Sets = new();

    /// <param name="members">More members of the kernels' class (an [Activation] definition).</param>
    public static IKernelSet<T> Get<T>(string attribute, string members = "")
        where T : unmanaged =>
        (IKernelSet<T>)Sets.GetOrAdd((attribute, members, typeof(T)), key => KernelSets.Create<T>(key.Attribute, key.Members));
}
