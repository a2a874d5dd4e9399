/// Writes `FILT` (`FORMAT.md`, FILT): per column, the values in byte order, each with its
/// documents as deltas and their encoded size.
///
/// ```
/// Filters     --> Column^3                         (category, product, tag — in that order)
/// Column      --> ValueCount: VarUInt, FilterValue^ValueCount
/// FilterValue --> Value: String, DocCount: VarUInt, ByteLength: VarUInt, DocDelta: VarUInt^DocCount
/// ```
enum FilterColumnsEncoder {
    /// Writes `filters` as the `FILT` section of `file`.
    static func write(_ filters: FilterColumnsAccumulator, to file: IndexFileWriter) throws(IndexWriterError) {
        try file.beginSection(.filters)
        for column in filters.columns {
            var chunk = BinaryWriter()
            chunk.writeVarUInt(UInt64(column.values.count))
            for id in column.values.idsInByteOrder() {
                column.values.withKey(id) { value in
                    chunk.writeVarUInt(UInt64(value.count))
                    chunk.writeBytes(value)
                }
                let documents = column.documents[id]
                var deltas = BinaryWriter(capacity: documents.count)
                var previous: UInt32 = 0
                for document in documents {
                    deltas.writeVarUInt(UInt64(document - previous))
                    previous = document
                }
                chunk.writeVarUInt(UInt64(documents.count))
                chunk.writeVarUInt(UInt64(deltas.count))
                chunk.writeBytes(deltas.bytes)
                if chunk.count >= 1 << 16 {
                    try file.output.write(chunk.bytes)
                    chunk = BinaryWriter()
                }
            }
            try file.output.write(chunk.bytes)
        }
        try file.endSection()
    }
}
