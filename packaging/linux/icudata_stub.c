/* An empty ICU data library, swapped in for the 32 MB libicudata.so.NN that Qt Core links (packaging/README.md).
 *
 * ICU's own "stubdata" layout: a common-data header whose table of contents lists no items. ICU then looks for a
 * data file, finds none, and its data-driven services (collation, charset converters, break iterators) report
 * U_MISSING_RESOURCE_ERROR; Qt falls back to its own code for each (QCollator compares code points). The case
 * mapping and normalisation that Qt does use are compiled into libicuuc, not read from here.
 *
 *   cc -shared -nostdlib -fPIC -DICU_DATA_SYMBOL=icudt73_dat -Wl,-soname,libicudata.so.73 -o libicudata.so.73 icudata_stub.c
 */

struct icu_common_data_header {
    unsigned short header_size;
    unsigned char magic1, magic2;
    unsigned short info_size, info_reserved;
    unsigned char is_big_endian, charset_family, sizeof_uchar, reserved_byte;
    unsigned char data_format[4], format_version[4], data_version[4];
    char padding[8];
    unsigned int count, reserved;
    int table_of_contents[4];
};

__attribute__((visibility("default")))
const struct icu_common_data_header ICU_DATA_SYMBOL = {
    32, 0xda, 0x27,                   /* header size and magic */
    20, 0,                            /* sizeof(UDataInfo) */
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__, 0, 2, 0,  /* byte order, ASCII family, sizeof(UChar) */
    {'T', 'o', 'C', 'P'}, {1, 0, 0, 0}, {0, 0, 0, 0},
    {0}, 0, 0, {0}                    /* no items */
};
