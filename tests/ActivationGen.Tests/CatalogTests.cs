using System.IO;
using System.Linq;
using ActivationGen.Tests.Infrastructure;
using Xunit;

namespace ActivationGen.Tests;

/// <summary>What every activation of the generator's registry must come with in the tests.</summary>
public sealed class CatalogTests
{
    public static TheoryData<string> Activations()
    {
        var data = new TheoryData<string>();
        foreach (var name in Catalog.Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static TheoryData<string> FromOutputActivations()
    {
        var data = new TheoryData<string>();
        foreach (var name in Catalog.FromOutputNames)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>An activation without an mpmath reference table (Reference/make_reference.py) is not measured by AccuracyTests.</summary>
    [Theory]
    [MemberData(nameof(Activations))]
    public void Every_activation_has_mpmath_reference_tables(string name)
    {
        foreach (var type in new[] { "float", "double" })
        {
            var table = Path.Combine(ReferenceTable.Folder, name.ToLowerInvariant() + "_0_" + type + ".csv");
            Assert.True(File.Exists(table), $"[{name}] has no reference table {Path.GetFileName(table)}: add its cases to Reference/make_reference.py");
        }
    }

    /// <summary>An activation that accepts FromOutput = true needs the tables of its derivative from the output.</summary>
    [Theory]
    [MemberData(nameof(FromOutputActivations))]
    public void Every_FromOutput_activation_has_mpmath_reference_tables(string name)
    {
        foreach (var type in new[] { "float", "double" })
        {
            var table = Path.Combine(ReferenceTable.Folder, "fromoutput_" + name.ToLowerInvariant() + "_0_" + type + ".csv");
            Assert.True(File.Exists(table), $"[{name}(FromOutput = true)] has no reference table {Path.GetFileName(table)}: add its cases to Reference/make_reference.py");
        }
    }

    /// <summary>The registry lists the 17 activations of API.md.</summary>
    [Fact]
    public void The_registry_lists_the_catalog_of_the_contract()
    {
        Assert.Equal(
            new[] { "Sigmoid", "SigmoidSum", "Softplus", "Relu", "Elu", "LeakyRelu", "Selu", "Celu", "Gelu", "Silu", "Mish", "Tanh", "Softsign", "LogSigmoid", "HardSigmoid", "HardSwish", "HardTanh" }.Order(),
            Catalog.Names.Order());
    }
}
