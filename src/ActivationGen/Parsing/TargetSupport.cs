using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Parsing;

/// <summary>What the generated code needs of the compilation: the SIMD APIs of .NET 9 and C# 11.</summary>
internal static class TargetSupport
{
    /// <summary>The generated kernels use file-local types and static abstract interface members.</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp11;

    /// <summary>Partial methods with accessibility, return values or <c>out</c> parameters (what a generated body completes) need C# 9.</summary>
    public const LanguageVersion ExtendedPartialMethods = LanguageVersion.CSharp9;

    /// <summary>Why the generated kernels cannot compile here, or null when they can.</summary>
    public static string? Problem(Compilation compilation, LanguageVersion languageVersion)
    {
        if (compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector512`1") is null)
        {
            return "the referenced framework has no System.Runtime.Intrinsics.Vector512<T> (it is older than .NET 8)";
        }

        if (compilation.GetTypeByMetadataName("System.Runtime.Intrinsics.Vector128") is not { } vector128 || vector128.GetMembers("FusedMultiplyAdd").IsEmpty)
        {
            return "the referenced framework has no Vector128.FusedMultiplyAdd (it is older than .NET 9)";
        }

        if (languageVersion < MinimumLanguageVersion)
        {
            return "the language version is C# " + languageVersion.ToDisplayString();
        }

        return null;
    }
}
