package org.civcheck.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.Styles;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The rows of one sheet, read as a stream of XML (never the whole sheet as objects): each row's
 * cells as text, a real date as {@code yyyy-MM-dd}, a number in plain digits, a formula as its
 * last computed value. Stops with {@link TooManyRows} past {@code maxRows} rows.
 */
final class SheetRows {

    /** The rows of a sheet, and the ranges of its merged cells (B2:B3). */
    record Sheet(List<Row> rows, List<String> merged) {}

    /** One row: its number as Excel shows it (1-based) and its cells by column (0-based). */
    record Row(int number, TreeMap<Integer, String> cells) {

        String cell(int column) {
            String text = cells.get(column);
            return text == null || text.isBlank() ? null : text;
        }

        boolean isEmpty() {
            return cells.values().stream().allMatch(String::isBlank);
        }
    }

    /** The sheet has more rows than the reader takes. */
    static final class TooManyRows extends SAXException {
        private static final long serialVersionUID = 1L;

        TooManyRows() {
            super("too many rows");
        }
    }

    private SheetRows() {}

    /** Every row of the sheet XML {@code sheet} that has a cell. */
    static Sheet read(InputStream sheet, Styles styles, SharedStrings strings, int maxRows)
            throws IOException, SAXException {
        List<Row> rows = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        XSSFSheetXMLHandler.SheetContentsHandler collect = new XSSFSheetXMLHandler.SheetContentsHandler() {
            private TreeMap<Integer, String> cells;
            private int seen;

            @Override
            public void startRow(int rowNum) {
                cells = new TreeMap<>();
            }

            @Override
            public void endRow(int rowNum) {
                if (!cells.isEmpty()) {
                    if (++seen > maxRows) {
                        throw new IllegalStateException(new TooManyRows());
                    }
                    rows.add(new Row(rowNum + 1, cells));
                }
            }

            @Override
            public void cell(String reference, String value, XSSFComment comment) {
                if (reference != null && value != null && !value.isEmpty()) {
                    cells.put(column(reference), value);
                }
            }
        };
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            XSSFSheetXMLHandler cells = new XSSFSheetXMLHandler(styles, null, strings, collect, new PlainFormatter(), false);
            // The cell handler passes merged ranges by; they are noted here on the way.
            parser.setContentHandler(new org.xml.sax.helpers.XMLFilterImpl() {
                {
                    setContentHandler(cells);
                }

                @Override
                public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                        throws SAXException {
                    if ("mergeCell".equals(localName) && atts.getValue("ref") != null && merged.size() < 100) {
                        merged.add(atts.getValue("ref"));
                    }
                    super.startElement(uri, localName, qName, atts);
                }
            });
            parser.parse(new InputSource(sheet));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured", e);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof TooManyRows tooMany) {
                throw tooMany;
            }
            throw e;
        }
        return new Sheet(rows, merged);
    }

    /** The 0-based column of a reference such as {@code AB17}. */
    static int column(String reference) {
        int col = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            col = col * 26 + (c - 'A' + 1);
        }
        return col - 1;
    }

    /** Numbers as plain digits, dates as yyyy-MM-dd, whatever format the cell shows them in. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return formatRawCellContents(value, formatIndex, formatString);
        }
    }
}
