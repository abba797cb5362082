// ANTLR's C# output marks its classes [CLSCompliant(false)], which raises CS3021 in an assembly
// without the attribute; declaring the assembly non-CLS-compliant is the fix the antlr4cs
// maintainers recommend (rather than a NoWarn).
[assembly: CLSCompliant(false)]
