import Testing

@testable import Bestand

@Suite struct ProcessMemoryTests {
    @Test func readsTheKilobytesOfALabelledLine() {
        let status = Array("Name:\tbestand\nVmPeak:\t 2000 kB\nVmHWM:\t 1888408 kB\nVmRSS:\t  512 kB\n".utf8)
        #expect(ProcessMemory.kilobytes(of: "VmHWM:", in: status) == 1_888_408)
        #expect(ProcessMemory.kilobytes(of: "VmRSS:", in: status) == 512)
        #expect(ProcessMemory.kilobytes(of: "VmSwap:", in: status) == nil)
    }

    @Test func thisProcessHasAPeak() throws {
        // Linux only; a test process holds at least a megabyte.
        let bytes = try #require(ProcessMemory.peakResidentBytes())
        #expect(bytes > 1 << 20)
    }
}
