namespace ActivationGen.Emit;

/// <summary>The name and version stamped on generated code.</summary>
internal static class GeneratorInfo
{
    public const string Name = "ActivationGen";

    public static string Version { get; } = typeof(GeneratorInfo).Assembly.GetName().Version!.ToString(3);

    public static string GeneratedCodeAttribute => $"[global::System.CodeDom.Compiler.GeneratedCode(\"{Name}\", \"{Version}\")]";
}
