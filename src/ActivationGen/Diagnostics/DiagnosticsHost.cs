using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ActivationGen.Diagnostics;

/// <summary>
/// Decides who reports ActivationGen's errors, so that each is reported once. A real build (the command-line compiler)
/// runs no analyzer once the compilation has an error, and a partial method without an implementation is one; so there
/// the generator reports, whatever else is wrong. The IDE and <c>dotnet format</c> load projects with design-time
/// builds and apply code fixes to analyzer diagnostics; so there the analyzer reports and the generator keeps quiet.
/// The package's build/ActivationGen.props makes the MSBuild property <c>DesignTimeBuild</c> visible to both.
/// </summary>
internal static class DiagnosticsHost
{
    public const string DesignTimeBuildKey = "build_property.DesignTimeBuild";

    public static bool IsDesignTime(AnalyzerConfigOptions globalOptions) =>
        globalOptions.TryGetValue(DesignTimeBuildKey, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
