using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace ActivationGen.Tests.Infrastructure;

/// <summary>The generator's catalog, read from its registry (<c>ActivationGen.Kernels.Activations.All</c>).</summary>
internal static class Catalog
{
    /// <summary>The activations' names, as their attributes are named without "Attribute".</summary>
    public static IReadOnlyList<string> Names { get; } = ReadNames();

    /// <summary>The activations whose derivative follows from the output (FromOutput = true, for some parameters).</summary>
    public static IReadOnlyList<string> FromOutputNames { get; } = ReadNames(fromOutputOnly: true);

    private static List<string> ReadNames(bool fromOutputOnly = false)
    {
        var registry = typeof(ActivationGenerator).Assembly.GetType("ActivationGen.Kernels.Activations", throwOnError: true)!;
        var all = (IEnumerable)registry.GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var names = new List<string>();
        foreach (var activation in all)
        {
            var type = activation.GetType();
            var fromOutput = type.GetProperty("FromOutputCondition")!.GetValue(activation);
            if (!fromOutputOnly || fromOutput is not null)
            {
                names.Add((string)type.GetProperty("Name")!.GetValue(activation)!);
            }
        }

        return names;
    }
}
