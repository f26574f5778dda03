using System.Runtime.InteropServices;
using Masthead.Shared;

namespace Masthead.UnitTests.Shared;

/// <summary>Runs alone: the process's resident memory is measured, and other tests allocating meanwhile would blur it.</summary>
[CollectionDefinition(nameof(NativeHeapTests), DisableParallelization = true)]
public sealed class NativeHeapCollection;

[Collection(nameof(NativeHeapTests))]
public sealed class NativeHeapTests
{
    /// <summary>This process's resident anonymous memory, from the kernel.</summary>
    private static long ResidentAnonymousKb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Trimming_returns_the_pages_freed_in_the_middle_of_the_heap_to_the_system()
    {
        // 64 MB in blocks small enough for malloc's arenas (not mapped on their own), each written so it is resident,
        // then one more block after them, so that freeing them leaves a hole in the middle rather than at the top,
        // which glibc would give back by itself.
        const int blockSize = 32 * 1024, blocks = 2048;
        var ones = Enumerable.Repeat((byte)1, blockSize).ToArray();
        var allocated = new nint[blocks];
        for (var i = 0; i < blocks; i++)
        {
            allocated[i] = Marshal.AllocHGlobal(blockSize);
            Marshal.Copy(ones, 0, allocated[i], blockSize);
        }
        var after = Marshal.AllocHGlobal(blockSize);
        try
        {
            foreach (var block in allocated)
            {
                Marshal.FreeHGlobal(block);
            }
            var beforeTrim = ResidentAnonymousKb();

            NativeHeap.Trim();

            var released = beforeTrim - ResidentAnonymousKb();
            Assert.True(released > 48 * 1024, $"trimming released {released} KB of the 64 MB freed");
        }
        finally
        {
            Marshal.FreeHGlobal(after);
        }
    }
}
