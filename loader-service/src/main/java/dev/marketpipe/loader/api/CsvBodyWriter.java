package dev.marketpipe.loader.api;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * {@code Accept: text/csv} answers of the read API: a list of records as RFC 4180 CSV (header row, CRLF line
 * ends, quoting by jackson-dataformat-csv), columns in the record's {@code @JsonPropertyOrder}, values formatted as
 * in the JSON answers (ISO instants and dates, plain decimals). Resources hand it a {@code GenericEntity} so the
 * element type, and with it the header, is known even for an empty list.
 */
@Provider
@Produces(CsvBodyWriter.TEXT_CSV)
public class CsvBodyWriter implements MessageBodyWriter<List<?>> {

    public static final String TEXT_CSV = "text/csv";
    /** What the answers declare: RFC 4180 text in UTF-8. */
    public static final String TEXT_CSV_UTF8 = "text/csv; charset=utf-8";

    private static final CsvMapper CSV = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE) // one write of the whole body, not a chunk per row
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return List.class.isAssignableFrom(type) && elementType(genericType) != null;
    }

    @Override
    public void writeTo(List<?> rows, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream body) throws IOException {
        Class<?> element = elementType(genericType);
        CsvSchema schema = CSV.schemaFor(element).withHeader().withLineSeparator("\r\n");
        ObjectWriter writer = CSV.writerFor(element).with(schema);
        try (var out = writer.writeValues(body)) {
            out.writeAll(rows);
        }
    }

    private static Class<?> elementType(Type genericType) {
        if (genericType instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }
}
