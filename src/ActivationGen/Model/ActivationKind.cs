namespace ActivationGen.Model;

/// <summary>The activation functions, one per attribute (the order of <c>MethodParser.AttributeMetadataNames</c>).</summary>
internal enum ActivationKind
{
    Sigmoid,
    SigmoidSum,
    Softplus,
    Relu,
    Elu,
    LeakyRelu,
    Selu,
    Celu,
    Gelu,
    Silu,
    Mish,
    Tanh,
    Softsign,
    LogSigmoid,
    HardSigmoid,
    HardSwish,
    HardTanh,
}
