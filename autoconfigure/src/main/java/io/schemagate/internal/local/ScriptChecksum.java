package io.schemagate.internal.local;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Flyway's script checksum: CRC-32 of each line's UTF-8 bytes, line breaks and a leading
 * byte order mark left out, so the value does not depend on encoding or line endings.
 */
public final class ScriptChecksum {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private ScriptChecksum() {
	}

	/**
	 * The checksum of a script's text.
	 * @param text the text
	 * @return the checksum
	 */
	public static int of(String text) {
		CRC32 crc = new CRC32();
		int start = (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? 1 : 0;
		int length = text.length();
		int index = start;
		while (index < length) {
			int end = index;
			while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
				end++;
			}
			crc.update(text.substring(index, end).getBytes(StandardCharsets.UTF_8));
			if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
				end++;
			}
			index = end + 1;
		}
		return (int) crc.getValue();
	}

}
