using ActivationGen.Model;

namespace ActivationGen.Emit;

/// <summary>
/// Writes the body of a method that has one of ActivationGen's errors but can still be implemented: it throws, naming
/// the error. The build stops at the error anyway; the body keeps the compiler from adding CS8795 ("partial method
/// must have an implementation part") in its place, and nothing runs silently wrong if the error is suppressed. For an
/// implementation written by hand without a definition (AGEN0002), it writes that definition instead (no CS0759).
/// </summary>
internal static class StubEmitter
{
    public static string Emit(StubModel stub)
    {
        var declaration = stub.Declaration;
        var writer = new CodeWriter();
        DeclarationWriter.WriteFileHeader(writer, declaration);
        using (DeclarationWriter.OpenContainers(writer, declaration))
        {
            writer.Line("// Not generated: see " + stub.Errors + ".");
            if (stub.DefinitionOnly)
            {
                writer.Line("// The defining declaration of the implementation written by hand.");
                DeclarationWriter.WriteSignature(writer, declaration, ";");
            }
            else
            {
                DeclarationWriter.WriteSignature(writer, declaration);
                using (writer.Block(string.Empty))
                {
                    var message = "ActivationGen could not implement '" + declaration.Name.TrimStart('@') + "': see " + stub.Errors + " at its declaration.";
                    writer.Line("throw new global::System.NotSupportedException(" + Literals.String(message) + ");");
                }
            }
        }

        return writer.ToString();
    }
}
