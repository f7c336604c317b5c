import { ToolingFacts } from "../elf/elf-types";

/** One section table entry (PE spec "Section Table (Section Headers)"). */
export interface PeSection {
	readonly name: string;
	readonly virtualSize: number;
	readonly virtualAddress: number;
	readonly sizeOfRawData: number;
	readonly pointerToRawData: number;
	readonly characteristics: number;
}

/** The decoded PE image. */
export interface PeFile {
	readonly machine: number;
	readonly is64: boolean;
	readonly characteristics: number;
	readonly timeDateStamp: number;
	readonly pointerToSymbolTable: number;
	readonly numberOfSymbols: number;
	readonly imageBase: bigint;
	readonly entryPoint: number;
	readonly subsystem: number;
	readonly osVersion: string;
	readonly subsystemVersion: string;
	readonly sections: readonly PeSection[];
	/** DLL names from the import directory, in table order. */
	readonly imports: readonly string[];
	readonly tooling: ToolingFacts;
}
