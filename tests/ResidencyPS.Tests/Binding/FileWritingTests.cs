using System.Security;
using ResidencyPS.Binding;

namespace ResidencyPS.Tests.Binding;

/// <summary>
/// Every way .NET Framework (Windows PowerShell 5.1) or .NET fails a path or a write ends as one FileNotWritten error
/// naming the path as given: injected here, since this machine has no .NET Framework to raise them.
/// </summary>
public class FileWritingTests
{
    public static IEnumerable<object[]> Failures() => new[]
    {
        new object[] { new NotSupportedException("The given path's format is not supported.") },
        new object[] { new PlatformNotSupportedException("Not on this platform.") },
        new object[] { new PathTooLongException("The specified path, file name, or both are too long.") },
        new object[] { new ArgumentException("Illegal characters in path.") },
        new object[] { new IOException("The process cannot access the file because it is being used by another process.", unchecked((int)0x80070020)) },
        new object[] { new UnauthorizedAccessException("Access to the path is denied.") },
        new object[] { new SecurityException("Request for the permission of type FileIOPermission failed.") },
        new object[] { new DirectoryNotFoundException("Could not find a part of the path.") },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_path_or_write_failure_is_FileNotWritten_naming_the_path_as_given(Exception failure)
    {
        var error = FileWriting.Write("/full/report.html", "report:1.html", _ => { }, false, (_, _, _) => throw failure);
        Assert.NotNull(error);
        Assert.Equal("FileNotWritten", error!.FullyQualifiedErrorId);
        Assert.Equal("report:1.html", error.TargetObject);
        Assert.Same(failure, error.Exception.InnerException);
        Assert.Equal("Cannot write 'report:1.html': " + failure.Message + " Nothing was changed.", error.ErrorDetails.Message);
    }

    [Fact]
    public void A_written_file_is_no_error_and_other_exceptions_are_not_swallowed()
    {
        var written = new List<string>();
        Assert.Null(FileWriting.Write("/full/a.csv", "a.csv", _ => { }, true, (target, _, bom) => written.Add(target + bom)));
        Assert.Equal("/full/a.csvTrue", Assert.Single(written));
        Assert.Throws<InvalidOperationException>(() => FileWriting.Write("/x", "x", _ => { }, false, (_, _, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public void An_output_past_the_limit_is_OutputTooLarge_and_nothing_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("residencyps-bounded-").FullName;
        try
        {
            var target = Path.Combine(folder, "report.csv");
            File.WriteAllText(target, "previous");
            var error = FileWriting.Write(target, "report.csv", w => { for (var i = 0; i < 100; i++) { w.Write("0123456789"); } }, false,
                ResidencyPS.IO.AtomicFile.Write, maxBytes: 500);
            Assert.NotNull(error);
            Assert.Equal("OutputTooLarge", error!.FullyQualifiedErrorId);
            Assert.Contains("larger than", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.EndsWith("report fewer results (filter them first) or write them in parts. Nothing was changed.", error.ErrorDetails.Message, StringComparison.Ordinal);

            // A file read back with a smaller limit (a lock file) says what to do about its own.
            var lockError = FileWriting.Write(target, "x.lock.json", w => w.Write(new string('x', 501)), false, ResidencyPS.IO.AtomicFile.Write, maxBytes: 500,
                tooLarge: "the most a lock file may hold; pin fewer vendors.");
            Assert.Contains("MiB, the most a lock file may hold; pin fewer vendors. Nothing was changed.", lockError!.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal("previous", File.ReadAllText(target));
            Assert.Equal("previous", File.ReadAllText(target));
            Assert.Single(Directory.GetFiles(folder));
            Assert.Null(FileWriting.Write(target, "report.csv", w => w.Write(new string('x', 500)), false, ResidencyPS.IO.AtomicFile.Write, maxBytes: 500));

            // Bytes, not characters: 200 CJK characters are 600 bytes of UTF-8 (counting characters let 725 MiB through).
            Assert.Equal("OutputTooLarge", FileWriting.Write(target, "report.csv", w => w.Write(new string('\u6F22', 200)), false, ResidencyPS.IO.AtomicFile.Write, maxBytes: 500)!.FullyQualifiedErrorId);
            Assert.Equal(256L * 1024 * 1024, ResidencyPS.IO.BoundedWriter.MaxBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
