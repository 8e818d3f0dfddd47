package io.schemagate.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import io.schemagate.verify.NotVerifiableException;

/**
 * Reads a script's text as Flyway decodes it: strictly, so a file that is not valid in
 * its encoding is refused as Flyway refuses it rather than read with replacement
 * characters. For files in {@code filesystem:} locations, with {@code detectEncoding},
 * the encoding is detected from the content by Flyway's rules.
 */
final class ScriptText {

	private static final List<Charset> DETECTABLE = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
			StandardCharsets.UTF_16);

	private ScriptText() {
	}

	/**
	 * Read a script.
	 * @param resource the script
	 * @param name its name, for messages
	 * @param encoding the encoding to use
	 * @param detect whether to detect the encoding from the content
	 * @return the text
	 * @throws NotVerifiableException when the content is not valid in the encoding
	 */
	static String read(Resource resource, String name, Charset encoding, boolean detect) {
		byte[] bytes = bytes(resource, name);
		Charset charset = encoding;
		if (detect) {
			Charset detected = detect(bytes);
			charset = (detected != null) ? detected : encoding;
		}
		String text = decode(bytes, charset);
		if (text == null) {
			throw new NotVerifiableException(name,
					"its content is not valid " + charset + ", and Flyway fails to calculate its checksum too",
					"Save the script in the encoding Flyway is told ('spring.flyway.encoding', or 'encoding' in "
							+ "the script's .conf file), or set 'spring.flyway.detect-encoding=true' for filesystem "
							+ "locations.");
		}
		return text;
	}

	static byte[] bytes(Resource resource, String name) {
		try {
			// a file in one read of its known size: most of a startup check is reading
			if (resource instanceof FileSystemResource file) {
				return Files.readAllBytes(file.getFile().toPath());
			}
			try (InputStream in = resource.getInputStream()) {
				return in.readAllBytes();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to read migration " + name, ex);
		}
	}

	static @Nullable String decode(byte[] bytes, Charset charset) {
		try {
			return charset.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	/**
	 * Flyway's detection: a UTF-16 byte order mark; else the first of UTF-8, ISO-8859-1
	 * and UTF-16 that decodes; then UTF-16 after all when more odd-indexed bytes are zero
	 * than not.
	 */
	private static @Nullable Charset detect(byte[] bytes) {
		if (bytes.length >= 2 && bytes.length % 2 == 0) {
			int first = Byte.toUnsignedInt(bytes[0]);
			int second = Byte.toUnsignedInt(bytes[1]);
			if (first == 0xFE && second == 0xFF) {
				return StandardCharsets.UTF_16BE;
			}
			if (first == 0xFF && second == 0xFE) {
				return StandardCharsets.UTF_16LE;
			}
		}
		Charset charset = DETECTABLE.stream()
			.filter((candidate) -> decode(bytes, candidate) != null)
			.findFirst()
			.orElse(null);
		if (charset != StandardCharsets.UTF_16 && looksLikeUtf16(bytes)) {
			return StandardCharsets.UTF_16;
		}
		return charset;
	}

	private static boolean looksLikeUtf16(byte[] bytes) {
		if (bytes.length % 2 != 0) {
			return false;
		}
		int balance = 0;
		for (int i = 1; i < bytes.length; i += 2) {
			balance += (bytes[i] == 0) ? 1 : -1;
		}
		return balance > 0;
	}

}
