/**
 * What the modules say to each other: past-tense event records carrying ids, and query ports for
 * the rare module that must read another's data, implemented by the owning module. Records and
 * interfaces only, with no logic, SQL or framework types. No domain module imports another; they
 * meet here instead. The engine imports no domain module, and only the engine uses {@code
 * dev.nightshift.engine.runtime}.
 */
package dev.nightshift.contracts;
